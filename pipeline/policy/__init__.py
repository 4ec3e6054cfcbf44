"""Hour-conversion policy as data: rules/*.toml, the engine that applies them, and the
evidence→category mapping."""

from pipeline.policy.engine import Policy, load_policy, propose

__all__ = ["Policy", "load_policy", "propose"]
