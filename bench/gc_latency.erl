%% gc_latency.erl — a process builds and drops K lists of L elements (10
%% million in full mode: a large heap to collect) while another asks to wake
%% every millisecond; reports how late the wake-ups came (worst, 99th
%% percentile), with one and with two schedulers. The time row is the
%% builder's work.
%% group: memory
%% args: len lists
%% full: 10000000 2
%% quick: 1000000 2
%% flags: +S 1 | +S 2
%% timeout: 180
-module(gc_latency).
-export([main/1]).

build(L, K) -> build(L, K, 0).
build(_, 0, Acc) -> Acc;
build(L, K, Acc) ->
    List = lists:seq(1, L),
    build(L, K - 1, Acc + length(List) + hd(lists:reverse(List))).

main([LS, KS]) ->
    L = bench_lib:int(LS), K = bench_lib:int(KS),
    Self = self(),
    Waker = bench_lib:waker(infinity, Self),
    {R, Us} = bench_lib:timed(fun() -> build(L, K) end),
    %% the waker has run the whole time the builder did: stop and ask it
    Late = bench_lib:stop_waker(Waker),
    {Worst, P99, _} = bench_lib:lateness_stats(Late),
    bench_lib:report(R, Us),
    bench_lib:metric("wake_late_worst", Worst, "us"),
    bench_lib:metric("wake_late_p99", P99, "us"),
    bench_lib:metric("wakes", length(Late), "count", info).
