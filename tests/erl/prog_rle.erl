-module(prog_rle).
-export([main/0]).

%% Run-length encoding of binaries, with round trips.

main() ->
    Ins = [<<>>, <<"a">>, <<"aaaabbbcca">>, binary:copy(<<"xy">>, 50), <<0:8000>>,
           << <<(I div 7 rem 5)>> || I <- lists:seq(1, 3000) >>],
    [begin
         E = rle(I),
         io:format("~w -> ~w ~w ~w~n", [byte_size(I), byte_size(E), unrle(E) =:= I, erlang:crc32(E)])
     end || I <- Ins],
    io:format("~w~n", [rle(<<"aaaabbbcca">>)]),
    ok.

rle(<<>>) -> <<>>;
rle(<<C, Rest/binary>>) -> run(Rest, C, 1, <<>>).

run(<<C, Rest/binary>>, C, N, Acc) when N < 255 -> run(Rest, C, N + 1, Acc);
run(<<D, Rest/binary>>, C, N, Acc) -> run(Rest, D, 1, <<Acc/binary, N, C>>);
run(<<>>, C, N, Acc) -> <<Acc/binary, N, C>>.

unrle(B) -> << <<(binary:copy(<<C>>, N))/binary>> || <<N, C>> <= B >>.
