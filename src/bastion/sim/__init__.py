"""An OpenAI-compatible server that behaves like a continuous-batching engine, without a GPU.

It always says it is simulated. See docs/simulator.md.
"""

from bastion.sim.app import create_sim_app
from bastion.sim.config import FaultConfig, SimConfig
from bastion.sim.engine import SimEngine

__all__ = ["FaultConfig", "SimConfig", "SimEngine", "create_sim_app"]
