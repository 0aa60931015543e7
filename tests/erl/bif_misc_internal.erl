-module(bif_misc_internal).
-export([main/0]).

%% display_string/display_nl return values, io:printable_range,
%% file:native_name_encoding, loaded/pre_loaded, is_builtin, bump_reductions
%% and erts_internal:cmp_term/term_type/map_to_tuple_keys.

main() ->
    %% display_string writes to stderr: only the results are compared
    io:format("~p~n", [[t(fun() -> erlang:display_string(S) end)
                        || S <- ["", "ok\n", [233, $\n], [16#2603, $\n], <<"bin">>, x, [a],
                                 [$a | b], [-1], [16#110000], [16#D800]]]]),
    io:format("~p~n", [erlang:display_nl()]),
    io:format("~p~n", [io:printable_range()]),
    Enc = file:native_name_encoding(),
    io:format("~p~n", [lists:member(Enc, [latin1, utf8])]),
    io:format("~p~n", [Enc =:= file:native_name_encoding()]),
    Pre = erlang:pre_loaded(),
    io:format("~p~n", [Pre]),
    L = erlang:loaded(),
    io:format("~p~n", [[lists:member(M, L) || M <- [lists, ?MODULE, io]]]),
    io:format("~p~n", [lists:member(bif_misc_internal_not_a_module, L)]),
    io:format("~p~n", [length(L) =:= length(lists:usort(L))]),
    Builtins = [{erlang, length, 1}, {erlang, apply, 3}, {erlang, apply, 2}, {erlang, yield, 0},
                {lists, reverse, 2}, {lists, reverse, 1}, {erlang, foo, 1}, {erlang, '+', 2},
                {erlang, '!', 2}, {erlang, self, 0}, {erlang, is_builtin, 3}, {erlang, error, 1},
                {math, sin, 1}, {math, pi, 0}, {erlang, fun_info, 1}, {erlang, fun_info, 2},
                {erlang, spawn, 1}, {erlang, spawn, 3}, {erlang, send_after, 3},
                {erlang, 'andalso', 2}, {erlang, node, 0}, {erlang, binary_to_term, 1},
                {erlang, halt, 1}, {erlang, halt, 2}, {erlang, max, 2}, {erlang, convert_time_unit, 3},
                {maps, to_list, 1}, {maps, get, 2}, {os, getenv, 0}, {os, getenv, 1},
                {string, list_to_integer, 1}, {ets, lookup, 2}, {io, printable_range, 0},
                {file, native_name_encoding, 0}, {girder, put_chars, 2}, {x, y, -1}, {x, y, 0}],
    io:format("~p~n", [[{M, F, A, erlang:is_builtin(M, F, A)} || {M, F, A} <- Builtins]]),
    io:format("~p~n", [[t(fun() -> erlang:is_builtin(M, F, A) end)
                        || {M, F, A} <- [{"x", y, 1}, {x, "y", 1}, {x, y, 1.0}, {x, y, 1 bsl 64}]]]),
    io:format("~p~n", [[t(fun() -> erlang:bump_reductions(X) end)
                        || X <- [0, 1, 1000, 100000, -1, x, 1 bsl 64, 1.0]]]),
    Pairs = [{1, 1.0}, {1.0, 1}, {1, 2}, {2, 1}, {a, a}, {a, 1}, {[1], [1]}, {{1, 2}, {1, 2.0}},
             {#{1 => a}, #{1.0 => a}}, {<<1>>, <<1>>}, {"abc", "abd"}, {1 bsl 70, 1.0e30}],
    io:format("~p~n", [[erts_internal:cmp_term(A, B) || {A, B} <- Pairs]]),
    Terms = [1, -1, 1 bsl 59 - 1, 1 bsl 59, -(1 bsl 59), -(1 bsl 59) - 1, 1 bsl 64, 1.0, a, [],
             [1], "s", {}, {1}, #{}, #{a => 1}, maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
             <<>>, <<1, 2>>, binary:copy(<<1>>, 64), binary:copy(<<1>>, 65), <<1:3>>,
             self(), make_ref(), fun() -> ok end, fun lists:reverse/1, list_to_pid("<0.1.0>")],
    io:format("~p~n", [[erts_internal:term_type(X) || X <- Terms]]),
    io:format("~p~n", [[t(fun() -> erts_internal:map_to_tuple_keys(X) end)
                        || X <- [#{}, #{b => 2, a => 1}, #{1 => x, 1.0 => y}, x, [],
                                 maps:from_list([{I, I} || I <- lists:seq(1, 40)])]]]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
