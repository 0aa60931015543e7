-module(bin_size_bifs).
-export([main/0]).

%% bit_size, byte_size, size, split_binary, binary_part, binary_to_list/3.

main() ->
    Bs = [<<>>, <<1>>, <<1:1>>, <<1:7>>, <<1:9>>, <<"abcdefgh">>, <<0:1000>>],
    [io:format("~w ~w ~w~n", [bit_size(B), byte_size(B), t(fun() -> size(B) end)]) || B <- Bs],
    B = <<"hello world">>,
    io:format("~p~n", [[split_binary(B, N) || N <- [0, 5, 11]]]),
    io:format("~p~n", [t(fun() -> split_binary(B, 12) end)]),
    io:format("~p~n", [t(fun() -> split_binary(<<1:4>>, 0) end)]),
    io:format("~p ~p~n", [binary_part(B, 6, 5), binary_part(B, {11, -5})]),
    io:format("~p~n", [t(fun() -> binary_part(B, 6, 6) end)]),
    io:format("~p ~p~n", [binary_to_list(B, 1, 5), binary_to_list(B, 11, 11)]),
    io:format("~p~n", [t(fun() -> binary_to_list(B, 5, 1) end)]),
    io:format("~p~n", [t(fun() -> bit_size(foo) end)]),
    io:format("~p~n", [t(fun() -> byte_size([]) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
