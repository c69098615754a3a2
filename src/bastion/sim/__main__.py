from bastion.sim.cli import sim_command

sim_command()
