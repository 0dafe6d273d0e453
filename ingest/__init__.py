"""Reading articles (:mod:`.read`) and extracting what they say (:mod:`.extract`).

Before any extraction module loads, :mod:`.compiled` decides whether the mypyc-compiled ones run
or their Python sources (when those changed since compiling).
"""

from judikg.ingest.compiled import activate

activate()
