%% wake_spin.erl — wake-up latency under load: one process asks to wake every
%% millisecond, W times, while another spins in a tight tail-recursive loop,
%% with one scheduler (+S 1); reports how late the wake-ups came (worst, 99th
%% percentile, median). The time row is the whole run and is only shown.
%% group: processes
%% args: wakes
%% full: 1000
%% quick: 200
%% flags: +S 1
%% time: info
-module(wake_spin).
-export([main/1]).

spin(N) -> spin(N + 1).

main([WS]) ->
    W = bench_lib:int(WS),
    Spinner = spawn(fun() -> spin(0) end),
    {Late, Us} = bench_lib:timed(fun() ->
                                         bench_lib:waker(W, self()),
                                         receive {waker_done, L} -> L end
                                 end),
    exit(Spinner, kill),
    {Worst, P99, Med} = bench_lib:lateness_stats(Late),
    bench_lib:report(length(Late), Us),
    bench_lib:metric("wake_late_worst", Worst, "us"),
    bench_lib:metric("wake_late_p99", P99, "us"),
    bench_lib:metric("wake_late_median", Med, "us", info).
