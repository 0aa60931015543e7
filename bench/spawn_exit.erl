%% spawn_exit.erl — spawn-and-exit rate: N processes spawned in batches of
%% 1,000, each sending one message to its parent and exiting at once; the
%% parent waits for a batch's messages before the next batch (so its queue
%% stays short: this measures spawn and exit, not a long mailbox).
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

batches(0, _) -> ok;
batches(N, Parent) ->
    B = min(N, 1000),
    spawn_n(B, Parent),
    collect(B),
    batches(N - B, Parent).

main([NS]) ->
    N = bench_lib:int(NS),
    Self = self(),
    {_, Us} = bench_lib:timed(fun() -> batches(N, Self) end),
    bench_lib:report(N, Us),
    bench_lib:metric("us_per_spawn_exit", Us / N, "us", info).
