%% hello.erl — the first example: the README's program.
-module(hello).
-export([start/0]).
start() -> io:format("~p~n", [lists:map(fun(X) -> X * X end, lists:seq(1, 5))]).
