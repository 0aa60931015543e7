-module(map_order_large).
-export([main/0]).

%% Iteration order of large (hashed) maps: 33, 100 and 1000 keys of mixed types.
%% No atom keys: in OTP 25 the internal hash of an atom is that of its term word,
%% i.e. of its atom-table index, which varies between runs of erl itself.

main() ->
    M33 = maps:from_list([{I, I} || I <- lists:seq(1, 33)]),
    io:format("~w~n", [maps:keys(M33)]),
    M100 = maps:from_list([{I, I} || I <- lists:seq(1, 100)]),
    io:format("~w~n", [maps:keys(M100)]),
    Mixed = maps:from_list([{K, 0} || K <- mixed(60)]),
    io:format("~w~n", [maps:keys(Mixed)]),
    io:format("~p~n", [maps:from_list([{"k" ++ integer_to_list(I), I} || I <- lists:seq(1, 40)])]),
    M1000 = maps:from_list([{K, I} || {K, I} <- lists:zip(mixed(1000), lists:seq(1, 1000))]),
    L = maps:to_list(M1000),
    io:format("~w ~w~n", [map_size(M1000), length(L)]),
    io:format("~w~n", [lists:sublist(L, 25)]),
    io:format("~w~n", [erlang:phash2([K || {K, _} <- L])]),
    io:format("~w~n", [maps:fold(fun(_, V, {N, Acc}) -> {N + 1, (Acc * 31 + V * N) rem 1000000007} end, {0, 0}, M1000)]),
    Removed = maps:without([I || I <- lists:seq(1, 1000, 2)], M1000),
    io:format("~w~n", [map_size(Removed)]),
    io:format("~w~n", [lists:sublist(maps:keys(Removed), 20)]),
    Shrunk = lists:foldl(fun maps:remove/2, M100, lists:seq(1, 80)),
    io:format("~w~n", [maps:keys(Shrunk)]),
    io:format("~w~n", [maps:keys(maps:merge(M33, maps:from_list([{<<"a">>, 1}, {[], 2}, {-1, 3}, {1 bsl 80, 4}])))]),
    ok.

mixed(N) -> [key(I) || I <- lists:seq(1, N)].

key(I) ->
    case I rem 6 of
        0 -> I;
        1 -> "a" ++ integer_to_list(I);
        2 -> integer_to_binary(I);
        3 -> {I};
        4 -> float(I) + 0.5;
        5 -> [I, I]
    end.
