#!/usr/bin/python3
"""Where a training step's time goes (W2's TrainStepBench, or W4's AcganStepBench): runs it under JMH's JFR profiler and splits the calling
thread's execution samples by layer pass (the kernel threads help inside those passes, so the calling
thread's time is the step's wall time).

Usage: profile_step.py [THREADS [BENCHMARK]]     (prints a Markdown table; needs benchmarks/target/benchmarks.jar)
"""
import collections
import glob
import os
import re
import subprocess
import sys
import tempfile

threads = sys.argv[1] if len(sys.argv) > 1 else "2"
bench = sys.argv[2] if len(sys.argv) > 2 else "TrainStepBench"
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
java_home = os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")
java, jfr = os.path.join(java_home, "bin", "java"), os.path.join(java_home, "bin", "jfr")
out = tempfile.mkdtemp(prefix="vgan-profile-")
run = subprocess.run([java, "--add-modules", "jdk.incubator.vector", "-jar",
                      os.path.join(root, "benchmarks", "target", "benchmarks.jar"), bench,
                      "-p", f"threads={threads}", "-f", "1", "-wi", "3", "-w", "2s", "-i", "5", "-r", "2s",
                      "-prof", f"jfr:dir={out}"], capture_output=True, text=True, check=True)
ms = float(re.search(bench + r"\.step\s+\S+\s+\S+\s+avgt\s+\d+\s+([\d.]+)", run.stdout).group(1))
recording = glob.glob(os.path.join(out, "**", "*.jfr"), recursive=True)[0]
text = subprocess.run([jfr, "print", "--stack-depth", "64", "--events", "jdk.ExecutionSample", recording],
                      capture_output=True, text=True, check=True).stdout

PASSES = [  # (label, test on the stack's method names), first match wins
    # the convolutions add their bias, and sum its gradient, inside their own passes
    ("conv bias add and its gradient", lambda s: "ConvOps.addBias" in s),
    ("ConvTranspose2d forward (col2im of Wᵀ·x)", lambda s: "ConvOps.convT " in s and "lambda$convT" not in s),
    ("ConvTranspose2d backward-data", lambda s: "lambda$convT" in s and "ConvLowering.forward" in s),
    ("ConvTranspose2d backward-weight", lambda s: "lambda$convT" in s and "ConvLowering.backwardWeight" in s),
    ("Conv2d forward", lambda s: "ConvOps.conv " in s and "lambda$conv$" not in s),
    ("Conv2d backward-data", lambda s: "lambda$conv$" in s and "ConvLowering.backwardData" in s),
    ("Conv2d backward-weight", lambda s: "lambda$conv$" in s and "ConvLowering.backwardWeight" in s),
    ("Linear forward", lambda s: "MatMulOps.linear " in s and "lambda$linear" not in s),
    ("Linear backward", lambda s: "lambda$linear" in s),
    ("BatchNorm forward and backward", lambda s: "NormOps" in s),
    ("activations", lambda s: "ActivationOps" in s),
    # nearest upsampling, and outside its convolution the sub-pixel form's kernel fold and pixel shuffle
    ("upsampling, kernel fold and pixel shuffle", lambda s: "upsample" in s.lower()),
    ("Adam", lambda s: " optim." in s),
]
counts, total = collections.Counter(), 0
for event in text.split("jdk.ExecutionSample"):
    frames = re.findall(r"^\s+([\w.$]+)\(", event, re.M)
    if not frames or not any(bench in f for f in frames):
        continue                                   # JMH's own threads
    total += 1
    stack = " ".join(f.replace("dev.vgan.engine.", "") for f in frames) + " "
    label = next((name for name, test in PASSES if test(stack)), "other (autograd, losses, arena, sampling)")
    counts[label] += 1
print(f"{bench}, {threads} thread(s): {ms:.1f} ms per step; {total} samples of the stepping thread\n")
print("| pass | share | ms per step |")
print("|---|---|---|")
for name, _ in PASSES + [("other (autograd, losses, arena, sampling)", None)]:
    c = counts.get(name, 0)
    print(f"| {name} | {100 * c / total:.1f}% | {ms * c / total:.1f} |")
