-module(bin_large_refc).
-export([main/0]).

%% Large (reference-counted, off-heap) binaries: sub-binaries at odd offsets, matching, copies,
%% concatenation, and comparison with small heap binaries.

main() ->
    Big = list_to_binary([integer_to_list(I) || I <- lists:seq(1, 20000)]),
    io:format("~w ~w~n", [byte_size(Big), erlang:crc32(Big)]),
    Subs = [binary:part(Big, Off, Len) || {Off, Len} <- [{0, 10}, {12345, 100}, {byte_size(Big) - 5, 5}, {7, 70000}]],
    [io:format("~w ~w~n", [byte_size(S), erlang:crc32(S)]) || S <- Subs],
    <<_:3, Unaligned:8000/bits, _/bits>> = Big,
    io:format("~w ~w~n", [bit_size(Unaligned), erlang:phash2(Unaligned)]),
    Copy = binary:copy(hd(Subs)),
    io:format("~w ~w~n", [Copy =:= hd(Subs), binary:referenced_byte_size(Copy)]),
    Cat = <<Big/binary, Big/binary>>,
    io:format("~w ~w~n", [byte_size(Cat), binary:part(Cat, byte_size(Big) - 3, 6)]),
    Small = <<"12345678910">>,
    io:format("~w~n", [binary:part(Big, 0, 11) =:= Small]),
    io:format("~w~n", [lists:sum([C || <<C>> <= binary:part(Big, 1000, 5000)])]),
    {Words, _} = lists:foldl(fun(_, {Acc, <<W:4/binary, R/binary>>}) -> {[W | Acc], R} end, {[], Big}, lists:seq(1, 10)),
    io:format("~p~n", [lists:reverse(Words)]),
    io:format("~w~n", [binary:matches(Big, <<"19999">>)]),
    ok.
