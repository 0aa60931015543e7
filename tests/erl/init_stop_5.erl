-module(init_stop_5).
-export([main/0]).

%% init:stop(5): orderly shutdown with exit status 5.

main() ->
    io:format("stopping with 5~n"),
    init:stop(5).
