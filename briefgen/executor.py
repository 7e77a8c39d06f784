"""Where the per-article map runs: in this process, in a pool of worker processes, or on Dask.

Every executor streams ``Analysis`` records back in input order. Workers build the nlp pipeline once
(``make_nlp`` is cached per process), receive articles in batches, and send back only the compact
analysis payload: parsed Docs never leave the worker and the article text is not sent back.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Literal, Protocol, TypeVar

from briefgen.cache import Payload, analysis_from, payload_of
from briefgen.config import available_cores
from briefgen.errors import BriefgenError
from briefgen.extract import analyse_many
from briefgen.extract.lexicon import UserData, use_user_data
from briefgen.nlp import make_nlp
from briefgen.plural import plural
from briefgen.records import Analysis, Article

ExecutorName = Literal["serial", "process", "dask"]
EXECUTORS: tuple[ExecutorName, ...] = ("serial", "process", "dask")
DEFAULT_BATCH = 32
DASK_RETRIES = 2
In = TypeVar("In")
Job = TypeVar("Job")
T = TypeVar("T")


class AnalysisError(BriefgenError):
    """Articles could not be analysed by the executor (a worker died or a batch kept failing)."""


@contextlib.contextmanager
def few_collections(young: int = 10_000) -> Iterator[None]:
    """The cyclic GC's youngest generation collected every ``young`` allocations instead of Python's 700.

    The analysis keeps every article, actor and quote alive until the reduce, so at the default thresholds
    the GC's full collections walk all of them again and again (at 1k articles 8 full collections, 0.6 s of
    a 9.5 s serial extract; with this, none, and 0.2 s of GC in all). Young garbage is still collected."""
    old = gc.get_threshold()
    gc.set_threshold(max(young, old[0]), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@few_collections()
def analyse_batch(user_data: UserData | None, articles: Sequence[Article]) -> list[Payload]:
    """Worker side: analyse one batch with the worker's cached pipeline; return payloads only."""
    use_user_data(user_data or UserData())
    nlp = make_nlp()
    return [payload_of(a) for a in analyse_many(nlp, articles)]


def _warm_worker(user_data: UserData | None) -> None:
    """Pool initializer: take the project's word lists and build the pipeline, before the first batch."""
    use_user_data(user_data or UserData())
    make_nlp()


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Consecutive batches of at most ``size`` articles."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _names(batch: Sequence[Article], limit: int = 5) -> str:
    shown = ", ".join(a.path for a in batch[:limit])
    return shown + (f" and {len(batch) - limit} more" if len(batch) > limit else "")


class Executor(Protocol):
    """Runs the per-article map; results come back in input order, one Analysis per article."""

    def map(self, articles: Sequence[Article]) -> Iterator[Analysis]:
        """Analyse articles, streaming results in input order."""
        ...

    def close(self) -> None:
        """Release workers and connections."""
        ...


class SerialExecutor:
    """The map in this process: one pipeline, Docs streamed through nlp.pipe."""

    def __init__(self, user_data: UserData | None = None, batch_size: int = DEFAULT_BATCH) -> None:
        self.user_data = user_data
        self.batch_size = batch_size

    def map(self, articles: Sequence[Article]) -> Iterator[Analysis]:
        """Analyse articles in order, one batch of Docs in memory at a time."""
        use_user_data(self.user_data or UserData())
        yield from analyse_many(make_nlp(), articles)

    def close(self) -> None:
        """Nothing to release."""


def _run_windowed(
    articles: Sequence[Article],
    batch_size: int,
    window: int,
    submit: Any,
    result: Any,
) -> Iterator[Analysis]:
    """Submit batches with at most ``window`` in flight and yield their results in input order."""

    def with_batch(batch: list[Article], future: Any) -> tuple[list[Article], Sequence[Payload]]:
        return batch, result(batch, future)

    for batch, payloads in in_order(batched(articles, batch_size), window, submit, with_batch):
        yield from _attach(batch, payloads)


def in_order(
    items: Iterable[In], window: int, submit: Callable[[In], Any], result: Callable[[In, Any], T]
) -> Iterator[T]:
    """Submit items with at most ``window`` in flight and yield their results in input order."""
    pending: deque[tuple[In, Any]] = deque()
    for item in items:
        pending.append((item, submit(item)))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield result(done, future)
    while pending:
        done, future = pending.popleft()
        yield result(done, future)


def _attach(batch: Sequence[Article], payloads: Sequence[Payload]) -> Iterator[Analysis]:
    if len(payloads) != len(batch):
        raise AnalysisError(
            f"a worker returned {plural(len(payloads), 'result')} for {plural(len(batch), 'article')}", _names(batch)
        )
    for article, payload in zip(batch, payloads, strict=True):
        yield analysis_from(article, payload)


def _mp_context() -> Any:
    """fork when this process runs a single thread (cheap: spaCy is already imported); otherwise
    (e.g. a progress bar's refresh thread is running) a fork server, so no worker inherits a held lock."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["briefgen.executor"])
        return ctx
    return multiprocessing.get_context()


class ProcessExecutor:
    """A pool of ``jobs`` worker processes, each building the pipeline once."""

    def __init__(self, jobs: int, user_data: UserData | None = None, batch_size: int = DEFAULT_BATCH) -> None:
        self.jobs = max(1, jobs)
        self.user_data = user_data
        self.batch_size = batch_size
        self._pool: ProcessPoolExecutor | None = None

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, mp_context=_mp_context(), initializer=_warm_worker, initargs=(self.user_data,)
            )
        return self._pool

    def map(self, articles: Sequence[Article]) -> Iterator[Analysis]:
        """Analyse articles in worker processes, a bounded number of batches in flight."""
        if self.jobs == 1 or len(articles) <= 1:
            # nothing to share out (e.g. a rebuild after one article changed): skip the pool's start-up
            yield from SerialExecutor(self.user_data, self.batch_size).map(articles)
            return
        pool = self._get_pool()
        # small batches for small corpora so every worker gets work
        size = max(1, min(self.batch_size, -(-len(articles) // (self.jobs * 4))))

        def failed(names: Sequence[Article], exc: Exception) -> AnalysisError:
            return AnalysisError(
                f"analysis failed in a worker process ({type(exc).__name__}: {exc}); "
                f"{plural(len(names), 'article')} could not be analysed",
                _names(names),
                "run with --jobs 1 --debug to see the traceback",
            )

        def submit(batch: list[Article]) -> Future[list[Payload]]:
            return pool.submit(analyse_batch, self.user_data, batch)

        def result(batch: list[Article], future: Future[list[Payload]]) -> list[Payload]:
            try:
                return future.result()
            except (BriefgenError, BrokenProcessPool):
                raise
            except Exception as exc:  # this batch failed; the pool is still usable
                raise failed(batch, exc) from exc

        done = 0
        try:
            for analysis in _run_windowed(articles, size, self.jobs * 2, submit, result):
                done += 1
                yield analysis
        except BrokenProcessPool as exc:  # a worker died: nothing after ``done`` was analysed
            raise failed(articles[done:], exc) from exc

    def close(self) -> None:
        """Stop the worker processes."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _import_dask() -> Any:
    try:
        import dask.distributed as distributed
    except ImportError as exc:
        raise BriefgenError(
            f"the Dask executor needs dask.distributed, which is not installed ({exc.name})",
            "--executor dask",
            "pip install 'briefgen[dask]'",
        ) from None
    return distributed


class DaskExecutor:
    """Batches of articles as Dask tasks, on a scheduler at ``address`` or a local cluster."""

    connect_timeout = "15s"

    def __init__(
        self,
        address: str | None = None,
        jobs: int = 2,
        user_data: UserData | None = None,
        batch_size: int = DEFAULT_BATCH,
        retries: int = DASK_RETRIES,
    ) -> None:
        self.address = address
        self.jobs = max(1, jobs)
        self.user_data = user_data
        self.batch_size = batch_size
        self.retries = retries
        self.task: Any = analyse_batch  # what runs on a worker; replaceable in tests
        self._client: Any = None
        self._cluster: Any = None

    def _get_client(self) -> Any:
        if self._client is not None:
            return self._client
        distributed = _import_dask()
        try:
            if self.address:
                self._client = distributed.Client(self.address, timeout=self.connect_timeout)
            else:
                self._cluster = distributed.LocalCluster(
                    n_workers=self.jobs,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=40,  # logging.ERROR
                )
                self._client = distributed.Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise BriefgenError(
                f"cannot reach the Dask scheduler ({exc})",
                self.address or "a local Dask cluster",
                "check --scheduler ADDRESS (e.g. tcp://host:8786) and that the scheduler is running",
            ) from None
        # build the pipeline on every worker now, in parallel, rather than in each one's first task;
        # if that fails, the tasks fail too and report which articles were not analysed
        with contextlib.suppress(Exception):
            self._client.run(_warm_worker, self.user_data)
        return self._client

    def map(self, articles: Sequence[Article]) -> Iterator[Analysis]:
        """Analyse articles as Dask tasks, a bounded number of batches in flight, results in order."""
        if not articles:
            return
        client = self._get_client()
        workers = max(1, len(client.scheduler_info().get("workers", {})) or self.jobs)
        run = uuid.uuid4().hex[:8]
        counter = iter(range(1 << 62))

        def submit(batch: list[Article]) -> Any:
            return client.submit(
                self.task,
                self.user_data,
                batch,
                retries=self.retries,
                pure=False,
                key=f"briefgen-analyse-{run}-{next(counter)}",
            )

        def result(batch: list[Article], future: Any) -> list[Payload]:
            try:
                payloads: list[Payload] = future.result()
            except BriefgenError:
                raise
            except Exception as exc:
                raise AnalysisError(
                    f"a Dask task failed after {plural(self.retries, 'retry', 'retries')} "
                    f"({type(exc).__name__}: {exc}); "
                    f"these articles could not be analysed",
                    _names(batch, limit=20),
                    "check the workers' logs; rerun to retry (finished articles are cached)",
                ) from exc
            finally:
                future.release()
            return payloads

        yield from _run_windowed(articles, self.batch_size, workers * 3, submit, result)

    def _failed(self, exc: Exception, what: str, names: str) -> AnalysisError:
        return AnalysisError(
            f"a Dask task failed after {plural(self.retries, 'retry', 'retries')} "
            f"({type(exc).__name__}: {exc}); {what}",
            names,
            "check the workers' logs; rerun to retry (finished articles are cached)",
        )

    def gather(self, func: Callable[..., T], *iterables: Sequence[Any]) -> list[T]:
        """``func`` over the zipped arguments as Dask tasks (with retries); all results, in order."""
        client = self._get_client()
        run = uuid.uuid4().hex[:8]
        futures = client.map(func, *iterables, retries=self.retries, pure=False, key=[
            f"briefgen-{getattr(func, '__name__', 'task')}-{run}-{i}" for i in range(len(iterables[0]))
        ])
        try:
            results: list[T] = client.gather(futures)
        except BriefgenError:
            raise
        except Exception as exc:
            raise self._failed(exc, "the corpus could not be listed", getattr(func, "__name__", "task")) from exc
        finally:
            client.cancel(futures)
        return results

    def stream(
        self, func: Callable[[Job, In], T], job: Job, items: Sequence[In], describe: Callable[[In], str]
    ) -> Iterator[T]:
        """``func(job, item)`` for every item as Dask tasks, a bounded number in flight; results in order.

        A task that fails after its retries ends the map with an error naming its items (``describe``)."""
        if not items:
            return
        client = self._get_client()
        workers = max(1, len(client.scheduler_info().get("workers", {})) or self.jobs)
        run = uuid.uuid4().hex[:8]
        counter = iter(range(1 << 62))
        name = getattr(func, "__name__", "task")

        def submit(item: In) -> Any:
            return client.submit(
                func, job, item, retries=self.retries, pure=False, key=f"briefgen-{name}-{run}-{next(counter)}"
            )

        def result(item: In, future: Any) -> T:
            try:
                out: T = future.result()
            except BriefgenError:
                raise
            except Exception as exc:
                raise self._failed(exc, "these inputs could not be read and analysed", describe(item)) from exc
            finally:
                future.release()
            return out

        yield from in_order(items, workers * 3, submit, result)

    def close(self) -> None:
        """Disconnect from the scheduler and stop a local cluster."""
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def make_executor(
    name: ExecutorName,
    jobs: int | None = None,
    user_data: UserData | None = None,
    scheduler: str | None = None,
    batch_size: int = DEFAULT_BATCH,
) -> Executor:
    """The executor called ``name`` (serial, process or dask)."""
    n = jobs or available_cores()
    if name == "serial":
        return SerialExecutor(user_data, batch_size)
    if name == "process":
        return ProcessExecutor(n, user_data, batch_size)
    if name == "dask":
        _import_dask()
        return DaskExecutor(scheduler, n, user_data, batch_size)
    raise BriefgenError(f"unknown executor {name!r}", "--executor", f"choose one of {', '.join(EXECUTORS)}")
