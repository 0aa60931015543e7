-module(bin_iolist).
-export([main/0]).

%% list_to_binary, iolist_to_binary, iolist_size, erlang:iolist_to_iovec, errors.

main() ->
    Good = [[], [1, 2, 3], <<"bin">>, [<<"a">>, "b", [$c, [<<"d">>, []], $e] | <<"f">>],
            [[[[[[<<>>]]]]]], [255, 0], [[1 | <<2>>] | <<3>>], lists:duplicate(10, [<<"xy">>, $z])],
    [io:format("~p ~p~n", [iolist_to_binary(L), iolist_size(L)]) || L <- Good],
    [io:format("~p~n", [list_to_binary(L)]) || L <- Good, is_list(L)],
    Bad = [[256], [-1], [a], [1.0], [1 | 2], [<<1:3>>], a, [[1, 2] | a], [{}], ["abc", [foo]]],
    [io:format("bad ~w: ~p ~p ~p~n", [L, t(fun() -> iolist_to_binary(L) end), t(fun() -> iolist_size(L) end),
                                      t(fun() -> list_to_binary(L) end)]) || L <- Bad],
    Deep = lists:foldl(fun(I, Acc) -> [Acc, integer_to_list(I), <<",">>] end, [], lists:seq(1, 500)),
    Bin = iolist_to_binary(Deep),
    io:format("~w ~w ~w~n", [iolist_size(Deep), byte_size(Bin), erlang:crc32(Bin)]),
    io:format("~p~n", [iolist_to_binary(erlang:iolist_to_iovec([<<"ab">>, "cd"]))]),
    io:format("~p~n", [list_to_bitstring([<<1:1>>, 2, <<3:3>>])]),
    io:format("~p~n", [t(fun() -> iolist_to_binary(<<1:1>>) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
