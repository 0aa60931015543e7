-module(bin_conv).
-export([main/0]).

%% Conversions between binaries, lists, atoms and numbers.

main() ->
    io:format("~p~n", [binary_to_list(<<"abc">>)]),
    io:format("~p~n", [list_to_binary("abc")]),
    io:format("~p~n", [bitstring_to_list(<<1, 2, 3:2>>)]),
    io:format("~p~n", [list_to_bitstring([1, 2, <<3:2>>])]),
    io:format("~p~n", [binary_to_integer(<<"-42">>)]),
    io:format("~p~n", [binary_to_integer(<<"7f">>, 16)]),
    io:format("~p~n", [integer_to_binary(255, 16)]),
    io:format("~p~n", [binary_to_float(<<"2.5e3">>)]),
    io:format("~p~n", [float_to_binary(0.75)]),
    io:format("~p~n", [atom_to_binary(hello)]),
    io:format("~p~n", [binary_to_atom(<<"hello">>)]),
    io:format("~p~n", [binary_to_list(term_to_binary(x))]),
    io:format("~p~n", [list_to_binary([<<"a">>, <<"b">>])]),
    io:format("~p~n", [unicode:characters_to_binary("héllo")]),
    io:format("~p~n", [unicode:characters_to_list(<<"héllo"/utf8>>)]),
    io:format("~p~n", [erlang:binary_to_list(<<>>)]),
    io:format("~p~n", [t(fun() -> binary_to_list(<<1:1>>) end)]),
    io:format("~p~n", [t(fun() -> binary_to_list(abc) end)]),
    io:format("~p~n", [t(fun() -> list_to_binary([1 | <<2>>]) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
