-module(bif_conv).
-export([main/0]).

%% Conversion BIFs across types: tuple/list/atom/integer/float/binary/string round trips.

main() ->
    io:format("~p~n", [tuple_to_list({a, 1, "s"})]),
    io:format("~p~n", [list_to_tuple([x, [y], {z}])]),
    io:format("~p~n", [atom_to_list(list_to_atom("round_trip"))]),
    io:format("~p~n", [list_to_integer(integer_to_list(-123456789012345678901234567890))]),
    io:format("~p~n", [binary_to_integer(integer_to_binary(16#DEADBEEF, 16), 16)]),
    io:format("~p~n", [list_to_float(float_to_list(2.718281828459045))]),
    io:format("~p~n", [binary_to_float(float_to_binary(-1.0e-10))]),
    io:format("~p~n", [binary_to_atom(atom_to_binary('mixed Case'))]),
    io:format("~p~n", [list_to_binary(binary_to_list(<<0, 1, 255>>))]),
    io:format("~p~n", [erlang:list_to_integer("  12" -- "  ")]),
    io:format("~p~n", [float(7)]),
    io:format("~p ~p~n", [trunc(7.9), round(7.5)]),
    io:format("~p~n", [integer_to_list(255, 2)]),
    io:format("~p~n", [erlang:binary_to_list(term_to_binary({})) ]),
    io:format("~p~n", [tuple_size(list_to_tuple(lists:seq(1, 70000)))]),
    io:format("~p~n", [length(tuple_to_list(erlang:make_tuple(70000, z)))]),
    io:format("~p~n", [[atom_to_list(A) || A <- [true, false, undefined, '']]]),
    io:format("~p~n", [[integer_to_list(I) || I <- [0, -0, 007]]]),
    ok.
