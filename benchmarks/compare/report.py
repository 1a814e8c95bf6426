"""What the compare summaries share: JMH result files, medians, the machine line, the generated section."""
import datetime
import json
import os
import platform
import re
import statistics
import subprocess


def jmh(path):
    """(the JMH result record, milliseconds per operation) from a JMH json file (ms/op or us/op): in sample
    mode (`-bm sample`, what the compare scripts run) the median call, the statistic every anchor reports;
    otherwise JMH's mean."""
    with open(path) as f:
        r = json.load(f)[0]
    metric = r["primaryMetric"]
    unit = metric["scoreUnit"]
    value = metric["scorePercentiles"]["50.0"] if r["mode"] == "sample" else metric["score"]
    return r, value * (1e-3 if unit.startswith("us") else 1)


def med(values):
    return statistics.median(values) if values else float("nan")


def cpuinfo(key):
    """The value of the first `key` line of /proc/cpuinfo, or '' where there is none."""
    try:
        return next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith(key))
    except (OSError, StopIteration):
        return ""


def vector_isa():
    """The widest x86 vector extension the CPU lists and its width in bits (what the JVM's preferred species
    follows): ('AVX-512', 512), ('AVX2', 256), or None where it lists neither."""
    flags = cpuinfo("flags").split()
    if "avx512f" in flags:
        return "AVX-512", 512
    return ("AVX2", 256) if "avx2" in flags else None


def machine(java_bin):
    """'Generated <date> on <host>:' and the CPU (with its vector width), cores, OS and JVM, as two lines."""
    java_version = subprocess.run([java_bin, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    cpu, isa = cpuinfo("model name"), vector_isa()
    if isa:
        cpu += f" ({isa[0]}, {isa[1]}-bit vectors)"
    when = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')
    return (f"Generated {when} on {platform.node() or 'this machine'}:\n"
            f"{cpu}, {os.cpu_count()} cores, {platform.platform()}; {java_version}")


def replace_section(results_md, name, section):
    """Puts `section` between the <!-- name:begin ... --> and <!-- name:end --> markers of RESULTS.md."""
    text = open(results_md).read() if os.path.exists(results_md) else "# Results\n"
    if f"<!-- {name}:begin" not in text:
        text += f"\n<!-- {name}:begin -->\n<!-- {name}:end -->\n"
    text = re.sub(rf"<!-- {name}:begin.*?<!-- {name}:end -->", lambda m: section, text, flags=re.S)
    with open(results_md, "w") as f:
        f.write(text)


def publish(results_md, name, section, out, ratios):
    """Writes `section` into RESULTS.md and the chart's ratios ({label, ratio, target} each) to OUT/ratios.json."""
    replace_section(results_md, name, section)
    with open(os.path.join(out, "ratios.json"), "w") as f:
        json.dump(ratios, f)
    print(section)
