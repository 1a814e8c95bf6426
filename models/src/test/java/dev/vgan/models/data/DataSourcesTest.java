package dev.vgan.models.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vgan.models.data.DataSources.Split;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
  @TempDir Path root;

  private void writeIdxFolder(Path folder, String prefix, int count) throws Exception {
    Files.createDirectories(folder);
    Files.write(folder.resolve(prefix + "-images-idx3-ubyte.gz"),
        IdxDatasetTest.gzip(IdxDatasetTest.idx(new int[] {count, 2, 2}, new byte[count * 4])));
    Files.write(folder.resolve(prefix + "-labels-idx1-ubyte"), IdxDatasetTest.idx(new int[] {count}, new byte[count]));
  }

  @Test
  void aNameIsFoundInTheSearchRootsAndASplitPicksItsFiles() throws Exception {
    Path cache = root.resolve("cache"), system = root.resolve("system");
    writeIdxFolder(system.resolve("digits"), "train", 5);
    writeIdxFolder(system.resolve("digits"), "t10k", 3);
    assertEquals(5, DataSources.open("digits", Split.TRAIN, List.of(cache, system)).size());
    assertEquals(3, DataSources.open("digits", Split.TEST, List.of(cache, system)).size());
    writeIdxFolder(cache.resolve("digits"), "train", 7);                    // the cache comes first
    assertEquals(7, DataSources.open("digits", Split.TRAIN, List.of(cache, system)).size());
    assertEquals(3, DataSources.open(system.resolve("digits").toString(), Split.TEST, List.of()).size());
  }

  @Test
  void anEmptyFolderInTheCacheDoesNotHideTheNextPlace() throws Exception {
    Path cache = root.resolve("cache"), system = root.resolve("system");
    Files.createDirectories(cache.resolve("digits"));
    writeIdxFolder(system.resolve("digits"), "train", 5);
    assertEquals(5, DataSources.open("digits", Split.TRAIN, List.of(cache, system)).size());
  }

  @Test
  void nothingFoundListsThePlacesTriedAndHowToGetTheData() {
    var e = assertThrows(FileNotFoundException.class,
        () -> DataSources.open("fashion-mnist", Split.TRAIN, List.of(root.resolve("a"), root.resolve("b"))));
    assertTrue(e.getMessage().contains(root.resolve("a").resolve("fashion-mnist").toString()), e.getMessage());
    assertTrue(e.getMessage().contains(root.resolve("b").resolve("fashion-mnist").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
  }

  @Test
  void theBuiltInSpritesAndDebiansFashionMnistOpenByName() throws Exception {
    Dataset sprites = DataSources.open("sprites", Split.TRAIN);
    assertEquals(8, sprites.classes());
    Dataset fashion = DataSources.open("fashion-mnist", Split.TEST);
    assertEquals(10000, fashion.size());
    assertEquals(9, fashion.label(0));
  }
}
