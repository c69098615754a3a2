"""The gateway's ASGI application for another HTTP server (servers.sh): the configuration file
named by ``BASTION_CONFIG``, started and stopped by the server's lifespan events."""

from __future__ import annotations

import os
from pathlib import Path

from bastion.api.app import create_app
from bastion.config import load_config
from bastion.gateway import Gateway
from bastion.telemetry.logs import configure_logging

configure_logging("warning", "json")
app = create_app(Gateway(load_config(Path(os.environ["BASTION_CONFIG"]))))
