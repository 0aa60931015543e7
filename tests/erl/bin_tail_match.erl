-module(bin_tail_match).
-export([main/0]).

%% Matching with size taken from earlier segments, tail matching, parsing loops.

main() ->
    Packet = <<3, "abc", 0, 2, 16#12, 16#34, 5, "hello", 1:4, 7:4>>,
    <<L1, S1:L1/binary, L2:16, V2:L2/unit:8, L3, S3:L3/binary, Nib1:4, Nib2:4>> = Packet,
    io:format("~p ~p ~p ~p ~p~n", [S1, V2, S3, Nib1, Nib2]),
    io:format("~p~n", [tlv(<<1, 2, 16#AB, 16#CD, 2, 0, 3, 3, "xyz">>)]),
    io:format("~p~n", [words(<<"the quick  brown fox">>, <<>>, [])]),
    io:format("~p~n", [varints(<<16#AC, 16#02, 16#01, 16#FF, 16#FF, 16#03>>)]),
    io:format("~p~n", [last_byte(<<"abcdef">>)]),
    io:format("~p~n", [count_ones(<<255, 1, 128, 7>>, 0)]),
    N = 12,
    <<Hd:N, Tl/bits>> = <<"xy">>,
    io:format("~p ~p~n", [Hd, Tl]),
    io:format("~p~n", [t(fun() -> <<Z:N>> = id(<<1>>), Z end)]),
    io:format("~p~n", [lines(<<"a\nbb\n\nccc">>)]),
    ok.

tlv(<<>>) -> [];
tlv(<<T, L, V:L/binary, Rest/binary>>) -> [{T, V} | tlv(Rest)].

words(<<>>, Cur, Acc) -> lists:reverse(add(Cur, Acc));
words(<<$\s, Rest/binary>>, Cur, Acc) -> words(Rest, <<>>, add(Cur, Acc));
words(<<C, Rest/binary>>, Cur, Acc) -> words(Rest, <<Cur/binary, C>>, Acc).

add(<<>>, Acc) -> Acc;
add(W, Acc) -> [W | Acc].

varints(<<>>) -> [];
varints(B) -> {V, R} = varint(B, 0, 0), [V | varints(R)].
varint(<<1:1, X:7, R/binary>>, Sh, Acc) -> varint(R, Sh + 7, Acc bor (X bsl Sh));
varint(<<0:1, X:7, R/binary>>, Sh, Acc) -> {Acc bor (X bsl Sh), R}.

last_byte(B) -> S = byte_size(B) - 1, <<_:S/binary, L>> = B, L.

count_ones(<<>>, N) -> N;
count_ones(<<B:1, R/bits>>, N) -> count_ones(R, N + B).

lines(B) -> binary:split(B, <<"\n">>, [global]).

id(X) -> X.
t(F) -> try F() catch C:R -> {C, R} end.
