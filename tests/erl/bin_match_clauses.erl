-module(bin_match_clauses).
-export([main/0]).

%% Function clauses selecting on binary patterns (match context reuse across clauses).

main() ->
    Inputs = [<<"GET /index.html HTTP/1.1">>, <<"POST /api HTTP/1.0">>, <<"PUT x">>, <<>>, <<1, 2, 3, 4>>,
              <<16#FF, 16#D8, 16#FF, 0, 0>>, <<137, "PNG", 13, 10>>, <<"GIF89a">>, <<"#!/bin/sh">>, <<0:3>>],
    [io:format("~p -> ~p~n", [I, classify(I)]) || I <- Inputs],
    io:format("~p~n", [parse_kv(<<"a=1;bb=22;ccc=333">>, [])]),
    io:format("~p~n", [hexify(<<"Hi!", 0, 255>>)]),
    io:format("~p~n", [unhex(<<"486921">>)]),
    ok.

classify(<<"GET ", Path/binary>>) -> {get, hd(binary:split(Path, <<" ">>))};
classify(<<"POST ", Rest/binary>>) -> {post, byte_size(Rest)};
classify(<<16#FF, 16#D8, _/binary>>) -> jpeg;
classify(<<137, "PNG", _/binary>>) -> png;
classify(<<"GIF8", V, "a">>) -> {gif, V - $0};
classify(<<"#!", Interp/binary>>) -> {script, Interp};
classify(<<A, B, _/binary>>) when A < B -> {ascending, A, B};
classify(<<>>) -> empty;
classify(B) when is_binary(B) -> {other, byte_size(B)};
classify(B) -> {bits, bit_size(B)}.

parse_kv(<<>>, Acc) -> lists:reverse(Acc);
parse_kv(B, Acc) ->
    {KV, Rest} = case binary:split(B, <<";">>) of [X, Y] -> {X, Y}; [X] -> {X, <<>>} end,
    [K, V] = binary:split(KV, <<"=">>),
    parse_kv(Rest, [{binary_to_atom(K), binary_to_integer(V)} | Acc]).

hexify(B) -> << <<(hd(integer_to_list(N, 16)))>> || <<N:4>> <= B >>.

unhex(<<>>) -> <<>>;
unhex(<<A, B, Rest/binary>>) -> <<(list_to_integer([A, B], 16)), (unhex(Rest))/binary>>.
