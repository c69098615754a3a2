"""The request path: a typed context passed through an explicit, ordered list of stages."""

from bastion.pipeline.context import Reply, RequestContext
from bastion.pipeline.runner import Pipeline
from bastion.pipeline.stage import Stage

__all__ = ["Pipeline", "Reply", "RequestContext", "Stage"]
