"""One native thread per batch child process.

NumPy's and SciPy's OpenBLAS, and scikit-learn's OpenMP, start a pool of as many threads as the
machine has cores when they load, in every process that loads them, and the threads spin for a
while waiting for work. A batch already runs one worker process per core (`--jobs`) and a
story-grouping child beside them, so those threads only take CPU from the other processes. perf
over a 1,500-article run with two workers on two cores: 0.9% of all CPU samples in OpenBLAS
(threads spinning in its thread server, the grouping child's two and each worker's one), 0.04%
with one thread, the store the same; on a machine with N cores each of N workers would hold N such
threads. Dask's nanny sets OMP_NUM_THREADS, MKL_NUM_THREADS and OPENBLAS_NUM_THREADS to 1 for
its workers for the same reason; this does it for framing's own child processes. Results do not
change: the libraries compute them with their single-thread code.
"""
from __future__ import annotations


#: What OpenBLAS, OpenMP and MKL read, as they load, for the size of their thread pools.
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def one_native_thread() -> None:
    """Give the native libraries of this process one thread each. Call it first thing in a child
    process, before anything imports NumPy: a pool is sized when its library loads (its threads
    spin for about a tenth of a second then, whatever is limited later), so the variables are set
    for the libraries to read. A variable the user set is kept. Libraries this process had already
    loaded are limited through threadpoolctl instead, unless the user set any of the variables."""
    import os
    import sys

    ours = [name for name in THREAD_VARIABLES if name not in os.environ]
    for name in ours:
        os.environ[name] = "1"
    if len(ours) == len(THREAD_VARIABLES) and "numpy" in sys.modules:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1)
