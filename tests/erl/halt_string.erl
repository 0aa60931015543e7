-module(halt_string).
-export([main/0]).

%% erlang:halt(String): the slogan goes to stderr (not compared), status 1, nothing on stdout.

main() ->
    erlang:halt("girder test slogan").
