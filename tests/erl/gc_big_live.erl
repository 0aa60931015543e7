-module(gc_big_live).
-export([main/0]).

%% Garbage collection with a large live set: keep big structures alive while allocating lots of
%% short-lived garbage, then verify the live data is intact.

main() ->
    Live = [{I, integer_to_list(I), <<I:32>>, [I, I + 1]} || I <- lists:seq(1, 200000)],
    Sum0 = checksum(Live),
    G = garbage(300, 0),
    Sum1 = checksum(Live),
    io:format("~w ~w ~w~n", [Sum0 =:= Sum1, Sum0, G]),
    T = list_to_tuple(Live),
    _ = garbage(100, 0),
    io:format("~w~n", [element(123456, T)]),
    M = maps:from_list([{I, {I}} || I <- lists:seq(1, 50000)]),
    _ = garbage(100, 0),
    io:format("~w ~w~n", [map_size(M), maps:get(49999, M)]),
    Big = binary:copy(<<"0123456789">>, 100000),
    _ = garbage(50, 0),
    io:format("~w ~w~n", [byte_size(Big), erlang:crc32(Big)]),
    ok.

checksum(L) -> lists:foldl(fun({I, S, B, [X, Y]}, A) -> (A + I + length(S) + byte_size(B) + X * Y) rem 1000000007 end, 0, L).

garbage(0, A) -> A;
garbage(N, A) ->
    L = [{X, [X]} || X <- lists:seq(1, 1000)],
    garbage(N - 1, A + length(L)).
