%% hello.erl — start-up: prints a small computed list; the whole run of the
%% VM, from exec to exit, is timed from outside (time: wall).
%% group: startup
%% args: n
%% full: 5
%% quick: 5
%% time: wall
-module(hello).
-export([main/1]).

main([N]) ->
    io:format("RESULT ~w~nTIME_US 0~n",
              [lists:map(fun(X) -> X * X end, lists:seq(1, list_to_integer(N)))]).
