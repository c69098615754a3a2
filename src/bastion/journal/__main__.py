"""``python -m bastion.journal DIRECTORY INTERVAL [FINAL_LOAD_SECONDS]``: the spool loader
process (see ``bastion.journal.loader_process``)."""

import asyncio
import os
import signal
import sys
from pathlib import Path

from bastion.journal.loader_process import DATABASE_URL_ENV, serve
from bastion.telemetry.logs import configure_logging


def main() -> None:
    # Ctrl-C, or a service manager's SIGTERM, reaches the whole process group; the gateway
    # decides when the loader stops (end-of-file on stdin), after its last records.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # Loading is background work with seconds of slack (the spool is already durable); on a
    # busy machine the scheduler should prefer the gateway's request path over it.
    os.nice(10)
    directory, interval = Path(sys.argv[1]), float(sys.argv[2])
    final_load_seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 25.0
    configure_logging(
        os.environ.get("BASTION_LOG_LEVEL", "warning"), os.environ.get("BASTION_LOG_FORMAT", "json")
    )
    url = os.environ.pop(DATABASE_URL_ENV)
    sys.exit(asyncio.run(serve(url, directory, interval, final_load_seconds)))


main()
