%% spawn_exit.erl — spawn-and-exit rate: N processes spawned one after another,
%% each sending one message to its parent and exiting at once; the parent
%% waits for every message.
%% group: processes
%% args: n
%% full: 200000
%% quick: 20000
-module(spawn_exit).
-export([main/1]).

spawn_n(0, _) -> ok;
spawn_n(N, Parent) ->
    spawn(fun() -> Parent ! done end),
    spawn_n(N - 1, Parent).

collect(0) -> ok;
collect(N) -> receive done -> collect(N - 1) end.

main([NS]) ->
    N = bench_lib:int(NS),
    Self = self(),
    {_, Us} = bench_lib:timed(fun() -> spawn_n(N, Self), collect(N) end),
    bench_lib:report(N, Us),
    bench_lib:metric("us_per_spawn_exit", Us / N, "us", info).
