%% fib.erl — naive doubly recursive fib(30): calls and small-integer arithmetic.
-module(fib).
-export([main/0]).
fib(0) -> 0; fib(1) -> 1; fib(N) -> fib(N - 1) + fib(N - 2).
main() ->
    T0 = erlang:monotonic_time(microsecond),
    R = fib(30),
    T1 = erlang:monotonic_time(microsecond),
    io:format("RESULT ~p~nTIME_US ~p~n", [R, T1 - T0]).
