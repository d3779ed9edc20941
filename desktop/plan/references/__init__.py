"""The writer's reference library: peer plans (范本) and the superior body's plans (上级要点).

``library`` stores them in the app's data folder and reads them back (cached on their content);
the themes learn from the peers, and the alignment (对标上级要点) answers a superior's plan.
"""
