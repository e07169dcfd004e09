"""The S3 wire layer: R2-correct clients, the one botocore error reader, the lean listing.

Imports nothing of r2desk but ``errors`` and ``keys``: the element and the transfer engine both
stand on it, neither is known to it.
"""
