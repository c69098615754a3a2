"""Schema revisions, oldest first. Never edit one that has been released; add a new one."""
