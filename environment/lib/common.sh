# Shared by the scripts in environment/bin. Sourced, not run.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# not "java": that is IJava's and JJava's kernelspec, which netgauss must never overwrite
KERNELSPEC_NAME=netgauss-java
JUPYTER_DATA="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}"
MNIST_DIR="${NETGAUSS_DATA:-$HOME/.cache/netgauss}/mnist"
# Debian's python has Jupyter; a python3 earlier on PATH (pyenv, conda) may not. Binder has its own.
if [ -z "${NETGAUSS_PYTHON:-}" ]; then
  if /usr/bin/python3 -c 'import nbclient' >/dev/null 2>&1; then NETGAUSS_PYTHON=/usr/bin/python3
  else NETGAUSS_PYTHON=$(command -v python3 || echo /usr/bin/python3); fi
fi
say() { printf 'netgauss: %s\n' "$*"; }
die() { printf 'netgauss: %s\n' "$*" >&2; exit 1; }
toolkit_jar() { ls "$ROOT"/toolkit/target/netgauss-toolkit-*.jar 2>/dev/null | head -n 1; }
kernel_jar() { ls "$ROOT"/kernel/target/netgauss-kernel-*.jar 2>/dev/null | head -n 1; }
# The JDK's vector API, which the toolkit's training kernels use (without it they fall back to plain Java).
VECTOR_MODULE="--add-modules=jdk.incubator.vector"
# The JVM announces an incubator module on stderr at every start; a command-line tool should not.
drop_incubator_warning() { grep -a -v --line-buffered '^WARNING: Using incubator modules' >&2 || true; }
