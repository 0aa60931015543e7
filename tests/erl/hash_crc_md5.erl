-module(hash_crc_md5).
-export([main/0]).

%% erlang:crc32/1,2, crc32_combine, adler32/1,2, adler32_combine, md5/1 and md5_init/update/final.

main() ->
    Ins = [<<>>, <<"a">>, <<"abc">>, <<"The quick brown fox jumps over the lazy dog">>, ["io", [<<"list">>], $!],
           list_to_binary(lists:seq(0, 255)), binary:copy(<<"0123456789">>, 10000)],
    [io:format("crc32 ~w adler32 ~w md5 ~s~n", [erlang:crc32(I), erlang:adler32(I), hex(erlang:md5(I))]) || I <- Ins],
    A = <<"hello ">>, B = <<"world">>,
    C1 = erlang:crc32(A), C2 = erlang:crc32(B),
    io:format("~w ~w ~w~n", [erlang:crc32(C1, B), erlang:crc32(<<A/binary, B/binary>>), erlang:crc32_combine(C1, C2, byte_size(B))]),
    D1 = erlang:adler32(A), D2 = erlang:adler32(B),
    io:format("~w ~w ~w~n", [erlang:adler32(D1, B), erlang:adler32(<<A/binary, B/binary>>), erlang:adler32_combine(D1, D2, byte_size(B))]),
    Ctx = lists:foldl(fun(P, C) -> erlang:md5_update(C, P) end, erlang:md5_init(), [<<"The quick ">>, "brown fox ", [<<"jumps">>]]),
    io:format("~s~n", [hex(erlang:md5_final(Ctx))]),
    io:format("~s~n", [hex(erlang:md5("The quick brown fox jumps"))]),
    io:format("~w~n", [t(fun() -> erlang:crc32(notio) end)]),
    io:format("~w~n", [t(fun() -> erlang:md5(<<1:3>>) end)]),
    ok.

hex(B) -> [io_lib:format("~2.16.0b", [X]) || <<X>> <= B].

t(F) -> try F() catch C:R -> {C, R} end.
