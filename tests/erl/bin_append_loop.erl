-module(bin_append_loop).
-export([main/0]).

%% Building binaries by repeated appending (the runtime's in-place append optimisation) and by
%% iolists; results must be identical.

main() ->
    B1 = append(0, 20000, <<>>),
    B2 = iolist_to_binary([integer_to_list(I) || I <- lists:seq(0, 19999)]),
    io:format("~w ~w ~w~n", [byte_size(B1), B1 =:= B2, erlang:crc32(B1)]),
    B3 = bits(0, 1000, <<>>),
    io:format("~w ~w~n", [bit_size(B3), erlang:phash2(B3)]),
    Shared = <<"base">>,
    X = <<Shared/binary, "x">>,
    Y = <<Shared/binary, "y">>,
    Z = <<X/binary, "z">>,
    io:format("~p ~p ~p ~p~n", [Shared, X, Y, Z]),
    Acc0 = <<"start">>,
    Acc1 = <<Acc0/binary, 1>>,
    Acc2 = <<Acc0/binary, 2>>,
    io:format("~w ~w~n", [Acc1, Acc2]),
    io:format("~w~n", [lists:foldl(fun(I, Acc) -> <<Acc/binary, I:16>> end, <<>>, lists:seq(1, 10))]),
    ok.

append(N, N, Acc) -> Acc;
append(I, N, Acc) -> append(I + 1, N, <<Acc/binary, (integer_to_binary(I))/binary>>).

bits(N, N, Acc) -> Acc;
bits(I, N, Acc) -> bits(I + 1, N, <<Acc/bits, (I rem 2):1, (I rem 5):3>>).
