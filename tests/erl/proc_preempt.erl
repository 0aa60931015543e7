%% still_runs.erl — seed example (b): one process spins in a tight
%% tail-recursive loop while another prints "I still run" every 100 ms;
%% run with +S 1 it shows the scheduler preempting the spinner after its
%% reduction budget.
-module(proc_preempt).
-export([main/0]).

spin(N) -> spin(N + 1).

main() ->
    Spinner = spawn(fun() -> spin(0) end),
    [begin timer:sleep(100), io:format("I still run (~p)~n", [I]) end || I <- lists:seq(1, 5)],
    exit(Spinner, kill),
    io:format("spinner killed~n").
