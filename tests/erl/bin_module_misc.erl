-module(bin_module_misc).
-export([main/0]).

%% binary:part, copy, at, first, last, bin_to_list, list_to_bin, decode/encode_unsigned,
%% longest_common_prefix/suffix.

main() ->
    B = <<"0123456789">>,
    io:format("~p ~p ~p~n", [binary:part(B, 2, 3), binary:part(B, {10, -4}), binary:part(B, 0, 0)]),
    io:format("~p~n", [t(fun() -> binary:part(B, 8, 5) end)]),
    io:format("~p ~p~n", [binary:copy(<<"ab">>, 3), binary:copy(<<"ab">>, 0)]),
    io:format("~p ~p ~p~n", [binary:at(B, 0), binary:at(B, 9), t(fun() -> binary:at(B, 10) end)]),
    io:format("~p ~p~n", [binary:first(B), binary:last(B)]),
    io:format("~p~n", [t(fun() -> binary:first(<<>>) end)]),
    io:format("~p ~p ~p~n", [binary:bin_to_list(B), binary:bin_to_list(B, 3, 2), binary:bin_to_list(B, {9, -3})]),
    io:format("~p~n", [binary:list_to_bin([1, "ab", <<"cd">>])]),
    Ns = [0, 1, 255, 256, 65535, 1 bsl 64, (1 bsl 100) + 7],
    [io:format("~p ~p ~p~n", [N, binary:encode_unsigned(N), binary:encode_unsigned(N, little)]) || N <- Ns],
    io:format("~p~n", [[binary:decode_unsigned(binary:encode_unsigned(N)) =:= N || N <- Ns]]),
    io:format("~p ~p~n", [binary:decode_unsigned(<<1, 0, 0>>, little), binary:decode_unsigned(<<0, 0, 1>>)]),
    io:format("~p~n", [binary:decode_unsigned(<<>>)]),
    io:format("~p~n", [t(fun() -> binary:encode_unsigned(-1) end)]),
    io:format("~p~n", [binary:longest_common_prefix([<<"interstellar">>, <<"internet">>, <<"interval">>])]),
    io:format("~p~n", [binary:longest_common_prefix([<<"abc">>, <<"xyz">>])]),
    io:format("~p~n", [binary:longest_common_suffix([<<"running">>, <<"jumping">>, <<"sing">>])]),
    io:format("~p~n", [binary:longest_common_prefix([<<"same">>])]),
    io:format("~p~n", [t(fun() -> binary:longest_common_prefix([]) end)]),
    io:format("~p~n", [binary:referenced_byte_size(<<"abc">>)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
