-module(init_stop_0).
-export([main/0]).

%% init:stop/0 from main: orderly shutdown, exit status 0.

main() ->
    io:format("stopping~n"),
    init:stop().
