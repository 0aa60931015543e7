-module(halt_3).
-export([main/0]).

%% erlang:halt(3): exit status 3, earlier output flushed.

main() ->
    io:format("exiting with 3~n"),
    halt(3).
