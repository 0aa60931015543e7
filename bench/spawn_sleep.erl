%% spawn_sleep.erl — spawns N processes that each wait in receive (sleeping),
%% timed; then measures the memory they hold: process_info(P, memory) summed,
%% erlang:memory(processes) growth where the VM has it, and the VM's RSS.
%% group: processes
%% args: n
%% full: 100000 | 1000000
%% quick: 10000 | 100000
%% flags: +P 2000000
%% rss: n
%% timeout: 180
-module(spawn_sleep).
-export([main/1]).

sleeper() -> receive stop -> ok end.

spawn_all(0, Acc) -> Acc;
spawn_all(N, Acc) -> spawn_all(N - 1, [spawn(fun sleeper/0) | Acc]).

main([NS]) ->
    N = bench_lib:int(NS),
    Mem0 = bench_lib:memory_processes(),
    {Pids, Us} = bench_lib:timed(fun() -> spawn_all(N, []) end),
    Mem1 = bench_lib:memory_processes(),
    PerProc = bench_lib:sum_proc_memory(Pids) / N,
    Alive = length([P || P <- Pids, is_process_alive(P)]),
    bench_lib:report(Alive, Us),
    bench_lib:metric("spawn_us_per_proc", Us / N, "us", info),
    bench_lib:metric("proc_info_bytes_per_proc", PerProc, "bytes"),
    case {Mem0, Mem1} of
        {n_a, _} -> bench_lib:na("memory_processes_bytes_per_proc", "bytes");
        _ -> bench_lib:metric("memory_processes_bytes_per_proc", (Mem1 - Mem0) / N, "bytes")
    end.
