-module(std_zlib).
-export([main/0]).

%% zlib: compress/uncompress, zip/unzip, gzip/gunzip round trips and exact compressed sizes.

main() ->
    Ins = [<<>>, <<"a">>, binary:copy(<<"compress me ">>, 100), list_to_binary(lists:seq(0, 255)),
           << <<(I * 7919 rem 256)>> || I <- lists:seq(1, 5000) >>],
    [begin
         Z = zlib:compress(I),
         D = zlib:zip(I),
         G = zlib:gzip(I),
         io:format("~w: ~w ~w ~w ~w ~w ~w~n", [byte_size(I), byte_size(Z), byte_size(D), byte_size(G),
                                              zlib:uncompress(Z) =:= I, zlib:unzip(D) =:= I, zlib:gunzip(G) =:= I])
     end || I <- Ins],
    io:format("~w~n", [zlib:compress(<<"hello hello hello">>)]),
    io:format("~w~n", [zlib:zip(<<"hello hello hello">>)]),
    io:format("~w~n", [zlib:uncompress([<<120, 156>>, <<203, 72, 205, 201, 201, 87, 200, 64, 144, 0, 58, 46, 6, 125>>])]),
    io:format("~p~n", [t(fun() -> zlib:uncompress(<<"not zlib data">>) end)]),
    io:format("~p~n", [t(fun() -> zlib:gunzip(<<31, 139, 8, 0>>) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
