-module(halt_string).
-export([main/0]).

%% erlang:halt(String): the slogan goes to stderr (not compared) and the status is 1. halt/1 with
%% a string does not flush io output, so the line before is written with erlang:display/1,
%% which writes directly.

main() ->
    erlang:display({halting, with_slogan}),
    erlang:halt("girder test slogan").
