-module(bin_construct_errors).
-export([main/0]).

%% badarg (and friends) raised while constructing binaries.

main() ->
    Cases = [{"atom as integer", fun() -> <<(id(a)):8>> end},
             {"float as integer", fun() -> <<(id(1.5)):8>> end},
             {"negative size", fun() -> <<1:(id(-8))>> end},
             {"atom size", fun() -> <<1:(id(x))>> end},
             {"list as binary", fun() -> <<(id([1, 2]))/binary>> end},
             {"bits as binary", fun() -> <<(id(<<1:7>>))/binary>> end},
             {"short binary for size", fun() -> <<(id(<<1>>)):2/binary>> end},
             {"int as binary", fun() -> <<(id(1))/binary>> end},
             {"bad utf8", fun() -> <<(id(-5))/utf8>> end},
             {"float size 8", fun() -> <<(id(1.0)):8/float>> end},
             {"float from atom", fun() -> <<(id(x))/float>> end},
             {"huge size", fun() -> <<1:(id(1 bsl 62))>> end},
             {"ok big int", fun() -> <<(id(1 bsl 100)):8>> end},
             {"ok negative", fun() -> <<(id(-1)):12>> end}],
    [io:format("~s -> ~p~n", [N, t(F)]) || {N, F} <- Cases],
    io:format("~p~n", [t(fun() -> <<(id(a))>> end)]),
    io:format("~p~n", [try <<(id(a))>> catch error:R:S -> {R, [M || {M, _, _, _} <- S]} end]),
    ok.

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
