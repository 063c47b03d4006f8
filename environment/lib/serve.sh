#!/usr/bin/env bash
# Serves a notebook directory with Jupyter Notebook on 127.0.0.1 only, behind a token, and prints the URL with
# the token first. `reproduce --serve` runs it after the set-up; it also runs on its own:
#   environment/lib/serve.sh <notebook dir>
# As root (containers, the README's set-up) it adds --allow-root, which Jupyter otherwise demands and refuses
# without. The token comes from JUPYTER_TOKEN if set, else a fresh random one; it travels in the environment,
# not on the command line, so other users cannot read it in `ps`. The port is NETGAUSS_PORT, else the first
# free one of 8888-8897, else any free one.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
[ $# -eq 1 ] && [ -d "$1" ] || die "usage: serve.sh <notebook dir>"
port="${NETGAUSS_PORT:-$("$NETGAUSS_PYTHON" - <<'PY'
import socket
for port in list(range(8888, 8898)) + [0]:
    s = socket.socket()
    try:
        s.bind(("127.0.0.1", port))
        print(s.getsockname()[1])
        break
    except OSError:
        pass
    finally:
        s.close()
PY
)}"
[[ "$port" =~ ^[0-9]+$ ]] || die "NETGAUSS_PORT '$port' is not a port number"
export JUPYTER_TOKEN="${JUPYTER_TOKEN:-$("$NETGAUSS_PYTHON" -c 'import secrets; print(secrets.token_hex(24))')}"
as_root=()
[ "$(id -u)" = 0 ] && as_root=(--allow-root)
say "Jupyter Notebook (profile ${NETGAUSS_PROFILE:-quick}) on 127.0.0.1 only; open this URL:"
say "  http://127.0.0.1:$port/?token=$JUPYTER_TOKEN"
exec "$NETGAUSS_PYTHON" -m notebook --ip=127.0.0.1 --port="$port" --port-retries=0 --no-browser "${as_root[@]}" \
  --notebook-dir="$1"
