"""The transfer engine: streaming, parallel, verified, resumable uploads and downloads.

It knows a client factory, a bucket and the key rule (through ``r2desk.s3.classify.Where``),
never the element that owns it: the element forwards its transfer methods here.
"""
