%% idle_memory.erl — memory of N idle processes after each has done some work
%% (built and summed a 200-element list) and been garbage collected: what a
%% long-lived, mostly idle process costs. Time row: spawning, working and
%% collecting all of them, shown only (the parent's queue holds every "ready").
%% time: info
%% group: memory
%% args: n
%% full: 1000000
%% quick: 100000
%% flags: +P 2000000
%% rss: n
%% timeout: 240
-module(idle_memory).
-export([main/1]).

worker(Parent) ->
    S = lists:sum(lists:seq(1, 200)),
    erlang:garbage_collect(),
    Parent ! {ready, self()},
    receive stop -> S end.

spawn_all(0, _, Acc) -> Acc;
spawn_all(N, Parent, Acc) -> spawn_all(N - 1, Parent, [spawn(fun() -> worker(Parent) end) | Acc]).

wait_ready(0) -> ok;
wait_ready(N) -> receive {ready, _} -> wait_ready(N - 1) end.

main([NS]) ->
    N = bench_lib:int(NS),
    Self = self(),
    Mem0 = bench_lib:memory_processes(),
    {Pids, Us} = bench_lib:timed(fun() -> P = spawn_all(N, Self, []), wait_ready(N), P end),
    Mem1 = bench_lib:memory_processes(),
    PerProc = bench_lib:sum_proc_memory(Pids) / N,
    bench_lib:report(length([P || P <- Pids, is_process_alive(P)]), Us),
    bench_lib:metric("proc_info_bytes_per_proc", PerProc, "bytes"),
    case {Mem0, Mem1} of
        {n_a, _} -> bench_lib:na("memory_processes_bytes_per_proc", "bytes");
        _ -> bench_lib:metric("memory_processes_bytes_per_proc", (Mem1 - Mem0) / N, "bytes")
    end.
