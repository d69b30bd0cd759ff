import BigNum

/// Moduli of the stack, as published (FIPS 186-4 D.1.2.3 for P-256; RFC 6509
/// Appendix A for SAKKE parameter set 1), and known answers computed with an
/// independent implementation (Python's integers), never with BigNum.
enum Fixtures {
    static let p256Prime = "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff"
    static let p256Order = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"
    static let sakkePrime =
        "997ABB1F0A563FDA65C61198DAD0657A416C0CE19CB48261BE9AE358B3E01A2EF40AAB27E2FC0F1B228730D531A59CB0"
        + "E791B39FF7C88A19356D27F4A666A6D0E26C6487326B4CD4512AC5CD65681CE1B6AFF4A831852A82A7CF3C521C3C09AA"
        + "9F94D6AF56971F1FFCE3E82389857DB080C5DF10AC7ACE87666D807AFEA85FEB"
    static let sakkeOrder =
        "265EAEC7C2958FF69971846636B4195E905B0338672D20986FA6B8D62CF8068BBD02AAC9F8BF03C6C8A1CC354C69672C"
        + "39E46CE7FDF222864D5B49FD2999A9B4389B1921CC9AD335144AB173595A07386DABFD2A0C614AA0A9F3CF14870F026A"
        + "A7E535ABD5A5C7C7FF38FA08E2615F6C203177C42B1EB3A1D99B601EBFAA17FB"

    /// Known answers modulo the SAKKE prime (Python: a = SHA-512("a") hex doubled mod p, …).
    enum Sakke {
        static let a =
            "1f40fc92da241694750979ee6cf582f2d5d7d28e18335de05abc54d0560e0f5302860c652bf08d560252aa5e74210546"
            + "f369fbbbce8c12cfc7957b2652fe9a751f40fc92da241694750979ee6cf582f2d5d7d28e18335de05abc54d0560e0f53"
            + "02860c652bf08d560252aa5e74210546f369fbbbce8c12cfc7957b2652fe9a75"
        static let b =
            "5267768822ee624d48fce15ec5ca79cbd602cb7f4c2157a516556991f22ef8c7b5ef7b18d1ff41c59370efb0858651d4"
            + "4a936c11b7b144c48fe04df3c6a3e8da5267768822ee624d48fce15ec5ca79cbd602cb7f4c2157a516556991f22ef8c7"
            + "b5ef7b18d1ff41c59370efb0858651d44a936c11b7b144c48fe04df3c6a3e8da"
        static let e =
            "87c568e037a5fa50b1bc911e8ee19a77c4dd3c22bce9932f86fdd8a216afe1681c89737fada6859e91047eece711ec16"
            + "da62d6ccb9fd0de2c51f132347350d8c87c568e037a5fa50b1bc911e8ee19a77c4dd3c22bce9932f86fdd8a216afe168"
            + "1c89737fada6859e91047eece711ec16da62d6ccb9fd0de2c51f132347350d8c"
        /// a·b mod p
        static let product =
            "151f972d331c29401b7498cb0b561578855f6ff75ec05c16a754b91762feb430e3922ab098015af7a512f2fd0a0946ed"
            + "df4f187a52c3a225833bed9161d5f9152eddeed9089423ec24776a1bf58c0c2bc0b8f52a5f6e58714dbe8a4b1abe0d81"
            + "441212f7841d69b482e47f0e7a824127ce33cd308b694c6fde8bded26936778f"
        /// a^e mod p
        static let power =
            "3b5bc51645b86a99834bb688a9a2028d791246ff7ac405f9e2eb7ec4dae2311a4f3e4db8bb40b370603e489b2544db3d"
            + "0a56476f35f72b2a77f2ed079d86bb0f7d04fc5bb7e83ee3f0fbe510f042a1d350114919e421784ef5e72ca72752c5bf"
            + "fa593a0078d5d7a8231e3c3a52349aee3271efc94124b62bae05fb2bf86fb885"
        /// a⁻¹ mod p
        static let inverse =
            "4a7120d823027e4a6687a78fdc3839495a1e71989805927b405b54df996770dbb8cb68450a52f0dee57e1d980008f2ed"
            + "062195bf5886af9bbf12625027387ef21977fd8d990f8c63724e9cba9b5c4bfd57e484eff664cc7ac0a46c7937d89f4c"
            + "d5fdfcc7c2cf7a4b6a77dc7fe291d7cb6c58f855dbd8fae0174ad403cb3c344f"
        /// (a + b·i)(a + 2·i) = (a² − 2b) + (2a + ab)·i
        static let extensionProductReal =
            "1a3840a5538797f4a4e36ac1c4521dff42265014f043d7e9249bb9c2f10d1fddcfec8caf5596aad66799d4e8aba8b743"
            + "a76a1ddf82bf466af107e7c37794caab65479136aa0f3e69260c599141835844ab10fe8b7a9d42a2dfb03f4c9c0db491"
            + "3eca2bc9a01b4a34f7d72cb29e5db6b1472943c3a0aedc68ebd16fec533c8185"
        static let extensionProductImaginary =
            "53a19052e764566905878ca7e5411b5e310f15138f2717d75ccd62b80f1ad2d6e89e437aefe275a3a9b847b9f24b517b"
            + "c6230ff1efdbc7c51266e3de07d32dff6d5fe7febcdc51150e8a5df8cf7712116c689a468fd51432033733ebc6da2c27"
            + "491e2bc1dbfe84608789d3cb62c44bb5b507c4a82881720f6db6d51f0f33ac79"
    }

    static func integer(_ hex: String) -> BigUInt {
        // Fixtures are constant, well-formed text.
        (try? BigUInt(hex: hex)) ?? BigUInt()
    }
}
