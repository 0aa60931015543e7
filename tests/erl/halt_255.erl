-module(halt_255).
-export([main/0]).

%% erlang:halt(255) and the flush option.

main() ->
    io:format("exiting with 255~n"),
    erlang:halt(255, [{flush, true}]).
