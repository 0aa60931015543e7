-module(halt_0).
-export([main/0]).

%% erlang:halt/0 after printing: exit status 0, output flushed.

main() ->
    io:format("before halt~n"),
    [io:format("line ~w~n", [I]) || I <- lists:seq(1, 20)],
    erlang:halt(),
    io:format("never printed~n").
