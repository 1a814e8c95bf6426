#!/usr/bin/python3
"""Turns a JMH JSON result of ConvBench into a markdown table of GFLOP/s.

Usage: java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar ConvBench \\
           -p threads=2 -rf json -rff conv.json && benchmarks/compare/conv_table.py conv.json
The layer shapes mirror dev.vgan.bench.ConvLayer (the lowered convolution of each layer).
"""
import json
import sys

# name: (layer, channels, size, kernel, stride, pad, outChannels) of the lowered convolution
LAYERS = {
    "w2.g.convT1": ("ConvTranspose2d(256,128,4,2,1) 7→14", 128, 14, 4, 2, 1, 256),
    "w2.g.convT2": ("ConvTranspose2d(128,1,4,2,1) 14→28", 1, 28, 4, 2, 1, 128),
    "w2.d.conv1": ("Conv2d(1,64,4,2,1) 28→14", 1, 28, 4, 2, 1, 64),
    "w2.d.conv2": ("Conv2d(64,128,4,2,1) 14→7", 64, 14, 4, 2, 1, 128),
    "w4.g.conv1": ("Conv2d(128,256,5,p2) 14×14", 128, 14, 5, 1, 2, 256),
    "w4.g.conv2": ("Conv2d(256,128,5,p2) 28×28", 256, 28, 5, 1, 2, 128),
    "w4.g.conv1.subpixel": ("Upsample(2)+conv1 as Conv2d(128,1024,3,p1) 7×7", 128, 7, 3, 1, 1, 1024),
    "w4.g.conv2.subpixel": ("Upsample(2)+conv2 as Conv2d(256,512,3,p1) 14×14", 256, 14, 3, 1, 1, 512),
    "w4.d.conv1": ("Conv2d(1,32,3,s2,p1) 28→14", 1, 28, 3, 2, 1, 32),
    "w4.d.conv2": ("Conv2d(32,64,3,p1) 14×14", 32, 14, 3, 1, 1, 64),
    "w4.d.conv3": ("Conv2d(64,128,3,s2,p1) 14→7", 64, 14, 3, 2, 1, 128),
    "w4.d.conv4": ("Conv2d(128,256,3,p1) 7×7", 128, 7, 3, 1, 1, 256),
}


def flops(name, batch):
    _, c, size, k, s, p, out = LAYERS[name]
    o = (size + 2 * p - k) // s + 1
    return 2.0 * batch * out * c * k * k * o * o


rows = {}
for r in json.load(open(sys.argv[1])):
    p = r["params"]
    ms = r["primaryMetric"]["score"]
    rows.setdefault(p["layer"], {})[p["pass"]] = (ms, flops(p["layer"], int(p["batch"])) / (ms * 1e6), p)
print("| layer | forward ms (GFLOP/s) | backward-data ms (GFLOP/s) | backward-weight ms (GFLOP/s) |")
print("|---|---|---|---|")
for name in LAYERS:
    if name in rows:
        cells = [f"{rows[name][q][0]:.2f} ({rows[name][q][1]:.0f})" if q in rows[name] else "–"
                 for q in ("forward", "backwardData", "backwardWeight")]
        print(f"| `{name}` {LAYERS[name][0]} | " + " | ".join(cells) + " |")
